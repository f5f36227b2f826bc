# Two commands set everything up on a fresh Debian/Ubuntu machine:
#   make run    install, then start GasDesk on the demo database
#   make test   install, then run the whole test suite headless
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: run test lint bench screenshots translations check-wheel readme package check-deb setup
run: setup
	$(PY) -m gasdesk

test: setup
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -p no:cacheprovider $(PYTEST_ARGS)

lint: setup
	$(VENV)/bin/ruff check gasdesk tests bench packaging main.py
	$(VENV)/bin/ruff format --check gasdesk tests bench packaging main.py
	$(VENV)/bin/mypy

bench: setup
	$(PY) -m bench

screenshots: setup
	QT_QPA_PLATFORM=offscreen $(PY) -m gasdesk screenshot out/screens

# the wheel, installed into a fresh environment, runs `gasdesk screenshot` with its resources
check-wheel:
	PYTHON=$(PYTHON) bash scripts/check_wheel.sh

readme: setup
	$(PY) -m gasdesk.settings_doc README.md

# the one-folder application bundle dist/gasdesk/ and dist/gasdesk_VERSION_ARCH.deb, built
# in an environment of their own (build/package/venv); minutes, so never part of make test
package:
	PYTHON=$(PYTHON) bash packaging/build.sh

# the .deb installed on a fresh Debian bookworm without Python, then run (root, debootstrap)
check-deb:
	bash packaging/check_deb.sh

translations: setup
	$(VENV)/bin/pyside6-lupdate -no-obsolete $$(find gasdesk -name '*.py' | sort) -ts resources/i18n/gasdesk_zh_CN.ts
	$(VENV)/bin/pyside6-lrelease resources/i18n/gasdesk_zh_CN.ts -qm resources/i18n/gasdesk_zh_CN.qm

setup: $(STAMP)

$(STAMP): setup.cfg pyproject.toml scripts/setup.sh scripts/qt_libraries.py
	@bash scripts/setup.sh $(PYTHON)
