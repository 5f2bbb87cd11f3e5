"""Configuration comes from the environment and fails loudly when a secret is missing."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _run_settings(env_overrides):
    env = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG", "DJANGO_SETTINGS_MODULE"}}
    env.update(env_overrides)
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); print('ok')"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_missing_secret_key_with_debug_off_fails_with_one_clear_line():
    result = _run_settings({"DJANGO_SETTINGS_MODULE": "portal.settings.base", "DEBUG": "0"})
    assert result.returncode != 0
    assert result.stderr.strip() == (
        "Configuration error: the SECRET_KEY environment variable is required when DEBUG is off."
    )


def test_secret_key_from_the_environment_is_enough_for_production_settings():
    result = _run_settings({"DJANGO_SETTINGS_MODULE": "portal.settings.base", "SECRET_KEY": "x" * 50})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"
