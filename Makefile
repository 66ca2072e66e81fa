# Personal Network Lab: `make lab` to work, `make test` to check, `make clean` to reset.
# Needs only Python >= 3.10 and make; everything else is installed into .venv.

PYTHON      ?= python3
VENV        := .venv
STAMP       := $(VENV)/.netkit-installed
LAB_ARGS    ?=
PYTEST_ARGS ?=

.PHONY: lab test clean notebook-filter

lab: $(STAMP) notebook-filter
	JUPYTER_CONFIG_PATH="$(CURDIR)/jupyter" $(VENV)/bin/jupyter lab notebooks/00-start-here.ipynb $(LAB_ARGS)

test: $(STAMP) notebook-filter
	$(VENV)/bin/python -m pytest $(PYTEST_ARGS)

# The one set-up step every target shares; it reruns only when pyproject.toml changes.
$(STAMP): pyproject.toml | $(VENV)/bin/pip
	$(VENV)/bin/pip install -e '.[lab,test,scale]'
	@touch $@

# Notebook outputs hold the names you type: in a git checkout of the kit, git strips them from
# every notebook it commits (nbstripout, a git filter named in .gitattributes; cell ids kept, so
# the committed notebooks stay byte for byte as they are). Outside a git checkout: nothing to do.
NBSTRIP := "$(abspath $(VENV))/bin/python" -m nbstripout --keep-id
notebook-filter: $(STAMP)
	@if [ "$$(git rev-parse --show-toplevel 2>/dev/null)" = "$(CURDIR)" ]; then \
	  $(VENV)/bin/nbstripout --install --attributes .gitattributes && \
	  git config filter.nbstripout.clean '$(NBSTRIP)' && \
	  git config diff.ipynb.textconv '$(NBSTRIP) -t'; \
	fi

$(VENV)/bin/pip:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 10))' 2>/dev/null || { \
	  echo "netkit needs Python >= 3.10, found: $$($(PYTHON) --version 2>&1). Install a newer one, then e.g.: make lab PYTHON=python3.12" >&2; exit 1; }
	$(PYTHON) -m venv $(VENV)

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis build dist *.egg-info
	find . -name __pycache__ -type d -prune -exec rm -rf {} +

# The support self-check as a web app (Voilà), offline, with the rings board as a step: `make app`, then use the page it opens
# (add APP_ARGS=--no-browser to only print its address). Answers go to the workspace, like the notebooks.
# The `netkit` template is Voilà's lab template without its CDN stylesheets (apps/jupyter/).
APP_ARGS ?=
.PHONY: app
app: $(STAMP)
	JUPYTER_PATH="$(CURDIR)/apps/jupyter" $(VENV)/bin/voila --template=netkit --Voila.ip=127.0.0.1 apps/self-assessment.ipynb $(APP_ARGS)
