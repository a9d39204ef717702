"""kalo.parallel: one policy for the number of processes, and results as a loop gives them."""

from __future__ import annotations

import os
import threading
import time

import pytest

from kalo import parallel
from kalo.parallel import RemoteTraceback, WorkerFailed, map_forked, map_fresh, worker_count


@pytest.fixture(autouse=True)
def _no_workers_from_the_environment(monkeypatch):
    monkeypatch.delenv("KALO_WORKERS", raising=False)
    monkeypatch.setattr(parallel.os, "cpu_count", lambda: 4)


def test_every_core_when_there_are_enough_items():
    assert worker_count(1000) == 4
    assert worker_count(64) == 4
    assert worker_count(1000, settings={"KALO_WORKERS": 3}) == 3


@pytest.mark.parametrize(
    ("items", "settings", "options"),
    [
        (1000, {"KALO_WORKERS": 1}, {}),  # the setting: serial
        (63, {}, {}),  # below the default threshold
        (3, {}, {"parallel_from": 4}),  # below a job's own threshold
        (100, {"KALO_PARALLEL_FROM": 101}, {}),  # the setting overrides the job's threshold
        (1000, {}, {"workers": 1}),  # the job's own number (IMAGES_WORKERS)
        (1, {"KALO_PARALLEL_FROM": 0}, {}),  # never more processes than items
        (0, {"KALO_PARALLEL_FROM": 0}, {}),
    ],
)
def test_serial(items, settings, options):
    assert worker_count(items, settings=settings, **options) == 1


def test_the_environment_variable_when_the_settings_say_nothing(monkeypatch):
    monkeypatch.setenv("KALO_WORKERS", "1")
    assert worker_count(1000) == 1
    assert worker_count(1000, settings={"KALO_WORKERS": 2}) == 2


def test_a_jobs_own_number_comes_first_and_is_capped_by_the_items():
    assert worker_count(1000, settings={"KALO_WORKERS": 1}, workers=3) == 3
    assert worker_count(5, settings={"KALO_PARALLEL_FROM": 2}, workers=8) == 5
    assert worker_count(2, parallel_from=2) == 2


def test_no_fork_on_the_platform_means_serial_for_forked_work(monkeypatch):
    monkeypatch.delattr(parallel.os, "fork")
    assert worker_count(1000, needs_fork=True) == 1
    assert worker_count(1000) == 4


MANY = {"KALO_PARALLEL_FROM": 1, "KALO_WORKERS": 3}


def test_forked_results_are_in_order_and_come_from_several_processes():
    lock = threading.Lock()  # not picklable: the function is inherited, never pickled

    def square_and_pid(item):
        time.sleep(0.01)  # long enough for every process to take some items
        with lock:
            return item * item, os.getpid()

    results = map_forked(square_and_pid, range(40), settings=MANY)
    assert [value for value, _ in results] == [item * item for item in range(40)]
    pids = {pid for _, pid in results}
    assert len(pids) == 3 and os.getpid() in pids


def test_few_items_are_worked_on_here():
    results = map_forked(lambda item: os.getpid(), range(3))
    assert results == [os.getpid()] * 3


def test_work_is_shared_by_cost_not_by_position():
    """Items alternate cheap and costly (like Greek and English texts): every process gets
    some of each, not one process all the costly ones."""

    def pid_after(item):
        time.sleep(0.02 if item % 2 else 0.001)
        return os.getpid()

    pids = map_forked(pid_after, range(40), settings={"KALO_PARALLEL_FROM": 1, "KALO_WORKERS": 2})
    costly = {pid for number, pid in enumerate(pids) if number % 2}
    assert len(costly) == 2


PARENT = os.getpid()


def test_an_exception_in_a_child_is_raised_here_with_its_traceback():
    def fail_in_a_child(item):
        time.sleep(0.01)
        if os.getpid() != PARENT:
            raise ValueError(f"bad item {item}")
        return item

    with pytest.raises(ValueError, match="bad item") as raised:
        map_forked(fail_in_a_child, range(40), settings=MANY)
    assert isinstance(raised.value.__cause__, RemoteTraceback)
    assert "fail_in_a_child" in str(raised.value.__cause__)


def test_an_exception_that_cannot_be_pickled_is_reported_with_its_text():
    class Local(Exception):  # a local class cannot be pickled
        pass

    def fail(item):
        time.sleep(0.01)
        if os.getpid() != PARENT:
            raise Local("only its text can travel")
        return item

    with pytest.raises(WorkerFailed, match="only its text can travel"):
        map_forked(fail, range(40), settings=MANY)


def test_a_child_that_dies_is_reported():
    def die(item):
        time.sleep(0.01)
        if os.getpid() != PARENT:  # never this process: it is pytest's
            os._exit(3)
        return item

    with pytest.raises(WorkerFailed, match="exit status 3"):
        map_forked(die, range(40), settings=MANY)


def test_this_process_failing_still_waits_for_the_children(tmp_path):
    def work(item):
        if os.getpid() == PARENT:
            time.sleep(0.3)  # the children are at work by then
            raise RuntimeError("ours")
        (tmp_path / str(os.getpid())).touch()
        time.sleep(0.05)
        return item

    with pytest.raises(RuntimeError, match="ours"):
        map_forked(work, range(60), settings=MANY)
    children = [int(path.name) for path in tmp_path.iterdir()]
    assert len(children) == 2
    for pid in children:  # both were waited for: no child of this process is left
        with pytest.raises(ChildProcessError):
            os.waitpid(pid, os.WNOHANG)


def pid_and_double(item: int) -> tuple[int, int]:
    return item * 2, os.getpid()


def test_fresh_processes_give_results_in_order():
    results = map_fresh(pid_and_double, range(8), workers=2, parallel_from=2)
    assert [value for value, _ in results] == [item * 2 for item in range(8)]
    assert os.getpid() not in {pid for _, pid in results}


def test_fresh_processes_are_not_started_for_serial_work():
    results = map_fresh(pid_and_double, range(8), settings={"KALO_WORKERS": 1})
    assert {pid for _, pid in results} == {os.getpid()}


def test_a_started_job_runs_in_another_process_and_gives_its_result():
    job = parallel.start_forked(lambda: (os.getpid(), "done"), settings={"KALO_WORKERS": 2})
    pid, value = job.result()
    assert value == "done"
    assert pid != os.getpid()


def test_a_started_job_runs_here_when_serial_and_its_exception_is_raised_here():
    job = parallel.start_forked(lambda: os.getpid(), settings={"KALO_WORKERS": 1})
    assert job.result() == os.getpid()

    def fails():
        raise ValueError("no index")

    with pytest.raises(ValueError, match="no index"):
        parallel.start_forked(fails, settings={"KALO_WORKERS": 2}).result()


def test_a_started_job_still_running_never_takes_items_of_later_work():
    """The job's child, done late, must not move the counter of a ``map_forked`` whose
    shared memory took the place of the job's (an item was skipped, its page missing)."""
    job = parallel.start_forked(lambda: time.sleep(0.3), settings={"KALO_WORKERS": 2})
    items = list(range(200))
    for _ in range(3):
        assert map_forked(lambda i: (time.sleep(0.003), i)[1], items, workers=2) == items
    job.result()
