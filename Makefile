# Coach: `make run` sets up and starts the app; `make test` sets up and runs every check.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
APT_PACKAGES := espeak-ng libespeak-ng1 pulseaudio pulseaudio-utils poppler-utils sox \
	libegl1 libgl1 libglib2.0-0 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libfreetype6 \
	libdbus-1-3 libx11-6 libx11-xcb1 libxcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0 \
	libxcb-keysyms1 libxcb-randr0 libxcb-render0 libxcb-render-util0 libxcb-shape0 libxcb-shm0 \
	libxcb-sync1 libxcb-util1 libxcb-xfixes0 libxcb-xkb1 libpulse0 libxrandr2 libxext6 libdrm2 \
	libbz2-1.0 fonts-dejavu-core fonts-wqy-microhei xvfb xauth \
	libportaudio2 libasound2-plugins desktop-file-utils

.PHONY: install system-packages run test lint typecheck pytest bench clean

install: system-packages $(STAMP)

# Debian/Ubuntu only: install just the missing packages (sudo when not root); elsewhere skip.
system-packages:
	@if command -v dpkg >/dev/null && command -v apt-get >/dev/null; then \
	  missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	  if [ -n "$$missing" ]; then \
	    echo "Installing system packages:$$missing"; \
	    SUDO=""; [ "$$(id -u)" -ne 0 ] && SUDO=sudo; \
	    $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	  fi; \
	else echo "Not a Debian/Ubuntu system: install espeak-ng, PulseAudio and poppler-utils yourself."; fi

$(STAMP): pyproject.toml
	@test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	@touch $(STAMP)

run: install
	@if [ -n "$$DISPLAY$$WAYLAND_DISPLAY" ] && $(PY) -c "import coach_ui.app" 2>/dev/null; then \
	  $(PY) -m coach_ui.app; \
	else \
	  echo "No desktop display here (or the app is not installed): running 'coach demo' in the terminal instead."; \
	  $(VENV)/bin/coach demo; \
	fi

lint: install
	$(VENV)/bin/ruff check coach ui tests bench
	$(VENV)/bin/ruff format --check coach ui tests bench

typecheck: install
	$(VENV)/bin/mypy coach ui

pytest: install
	QT_QPA_PLATFORM=offscreen $(VENV)/bin/pytest -q -n 2 --dist loadgroup

test: lint typecheck pytest

# the app's Chinese translation: collect tr() strings into the .ts, compile the .qm it loads
translations: install
	$(VENV)/bin/pyside6-lupdate $(sort $(wildcard ui/*.py ui/*/*.py)) -no-obsolete -ts assets/i18n/coach_zh_CN.ts
	$(VENV)/bin/pyside6-lrelease assets/i18n/coach_zh_CN.ts -qm assets/i18n/coach_zh_CN.qm

bench: install
	for f in bench/*.py; do $(PY) $$f; done

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache
