# Publishing and quality gates (included at the end of the Makefile).
#   make system-deps   Debian packages of the gates (as root): chromium, nginx + brotli, Java, rsync,
#                      zbar-tools (reads the flyers' QR codes back)
#   make node-deps     npm ci: vnu-jar, axe-core, lighthouse (exact versions in package-lock.json)
#   make audit OUTPUTDIR=dir   the gates of `make test` on any built site
#   make rsync_upload  make publish, then copy the site to SSH_HOST (docs/publishing.md)

SSH_HOST ?=
SSH_PORT ?= 22
SSH_USER ?=
SSH_TARGET_DIR ?= /var/www/observatory
AUDIT_PORT ?=
NODE_STAMP := node_modules/.installed-stamp
SYSTEM_PACKAGES := chromium nginx libnginx-mod-http-brotli-static default-jre-headless rsync zbar-tools

.PHONY: system-deps node-deps audit rsync_upload

system-deps:
	@missing=""; for pkg in $(SYSTEM_PACKAGES); do \
		dpkg-query -W -f='$${Status}' $$pkg 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$pkg"; \
	done; \
	if [ -z "$$missing" ]; then echo "system packages: all installed"; exit 0; fi; \
	if [ "$$(id -u)" != 0 ]; then echo "Missing:$$missing. Run as root: apt-get install$$missing"; exit 1; fi; \
	echo "installing:$$missing"; \
	DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $$missing

$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts
	@touch $@

node-deps: $(NODE_STAMP)

# The gates need the pages' own addresses to work on 127.0.0.1: check a `make html` build,
# or a `make publish` built with SITEURL=http://127.0.0.1:$(AUDIT_PORT).
audit: $(STAMP) $(NODE_STAMP)
	@test -f "$(OUTPUTDIR)/index.html" || { echo "No built site in $(OUTPUTDIR); run make html or make publish first"; exit 2; }
	AUDIT_SITE="$(abspath $(OUTPUTDIR))" AUDIT_PORT="$(AUDIT_PORT)" $(BIN)/pytest -p no:cacheprovider tests/gates

rsync_upload: publish
	@test -n "$(SSH_HOST)" || { echo "Set SSH_HOST (and SSH_USER, SSH_TARGET_DIR): see docs/publishing.md"; exit 2; }
	rsync --recursive --links --times --compress --checksum --chmod=D755,F644 \
		--delay-updates --delete-after --exclude=".*" \
		-e "ssh -p $(SSH_PORT)" \
		"$(OUTPUTDIR)/" "$(if $(SSH_USER),$(SSH_USER)@)$(SSH_HOST):$(SSH_TARGET_DIR)/"

# `make test` runs the gates too: they need the npm packages.
test: $(NODE_STAMP)
