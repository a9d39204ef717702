"""The check speaks where the volunteer looks: GitHub workflow commands on the pull request's
changed lines, a GitLab Code Quality report for the merge request; Greek first."""

from __future__ import annotations

import json

from org_builders import dump, line_of, valid_profile
from test_kalo_cli import check

FILE = "organizations/anakyklono/profile.yaml"


def test_in_github_actions_a_mistake_becomes_an_error_on_its_line(orgs):
    # A mistake only the check can see: a consent date in the future.
    profile = valid_profile(promotion_consent={"granted": True, "date": "2031-01-01"})
    orgs.write("anakyklono", profile)
    result = check(orgs, env={"GITHUB_ACTIONS": "true"})
    assert result.returncode == 1
    line = line_of(dump(profile), "date: '2031-01-01'")
    [command] = [c for c in result.stdout.splitlines() if c.startswith("::error ")]
    assert command.startswith(
        f"::error file={FILE},line={line},title=Έλεγχος περιεχομένου / Content check::"
        "promotion_consent.date: η ημερομηνία 2031-01-01 είναι στο μέλλον"
    )
    assert "%0Apromotion_consent.date: the date 2031-01-01 is in the future" in command
    assert "::notice file=" in result.stdout  # the organization will not be published


def test_without_github_actions_there_are_no_workflow_commands(orgs):
    orgs.write("anakyklono", valid_profile(kind="κοινσεπ"))
    assert "::error" not in check(orgs).stdout


def test_a_gitlab_code_quality_report_names_file_line_and_both_languages(orgs):
    profile = valid_profile(municipality="Ιλιον")
    orgs.write("anakyklono", profile)
    report_file = orgs.root / "gl-code-quality-report.json"
    result = check(orgs, "--code-quality", str(report_file))
    assert result.returncode == 1
    report = json.loads(report_file.read_text(encoding="utf-8"))
    [issue] = [i for i in report if i["severity"] == "major"]
    assert issue["location"] == {
        "path": FILE,
        "lines": {"begin": line_of(dump(profile), "municipality:")},
    }
    assert issue["description"].startswith('municipality: το "Ιλιον" δεν είναι κωδικός δήμου')
    assert ' / municipality: "Ιλιον" is not a municipality code' in issue["description"]
    assert len(issue["fingerprint"]) == 64
