# SPDX-License-Identifier: GPL-2.0-or-later
# tests/pipeline/: mkelfimage for build systems: --plan, --manifest (JSON read
# back with python3), --max-size, YAML templates (their errors, overrides and
# every shipped template booted through its loader).
TAP_TEST_LIST += \
	%D%/plan-and-manifest.sh \
	%D%/template-overrides-and-errors.sh \
	%D%/shipped-templates.sh
