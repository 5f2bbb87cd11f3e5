"""The production static build works: every CSS reference resolves (whitenoise's manifest)."""

import re

import pytest
from django.conf import settings
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.management import call_command
from django.test import override_settings

from portal.settings import base


def test_built_assets_exist():
    built = settings.BASE_DIR / "static_build"
    if not built.exists():
        pytest.skip("static_build/ is missing: run `npm run build` (dev.py does)")
    for name in ("css/bootstrap-italia.min.css", "css/bootstrap-italia.rtl.min.css", "js/portal.min.js"):
        assert (built / name).stat().st_size > 1000, name
    # Arabic and Chinese pages get their webfonts from their own stylesheets.
    rtl = (built / "css/bootstrap-italia.rtl.min.css").read_text(encoding="utf-8")
    assert "font-family:Noto Sans Arabic;" in rtl and "../fonts/noto-sans-arabic/" in rtl
    chinese = (built / "css/bootstrap-italia.zh-hans.min.css").read_text(encoding="utf-8")
    assert "font-family:Noto Sans SC;" in chinese
    for match in re.findall(r"url\(\.\./fonts/([^)]+)\)", rtl + chinese):
        assert (built / "fonts" / match).exists(), match


def test_each_stylesheet_carries_the_portal_rules_and_no_unused_fonts():
    built = settings.BASE_DIR / "static_build" / "css"
    if not built.exists():
        pytest.skip("static_build/ is missing: run `npm run build` (dev.py does)")
    for name in ("bootstrap-italia.min.css", "bootstrap-italia.rtl.min.css", "bootstrap-italia.zh-hans.min.css"):
        css = (built / name).read_text(encoding="utf-8")
        # One stylesheet per page: the portal's and the apps' rules are bundled in.
        assert ".help-strip{" in css and ".directory-map{" in css, name
        # Neither the video player's inlined icon font nor Lora, which the portals do not load.
        assert "VideoJS" not in css and "Lora" not in css, name
        assert css.count("font-family:Titillium Web;") == 3, name


@pytest.mark.skipif(not (base.BASE_DIR / "static_build").exists(), reason="static_build/ is missing: run npm run build")
def test_collectstatic_with_the_production_storage(tmp_path):
    # Django resets staticfiles_storage when STORAGES or STATIC_ROOT change.
    with override_settings(STORAGES=base.STORAGES, STATIC_ROOT=tmp_path):
        call_command("collectstatic", "--no-input", verbosity=0)
        assert (tmp_path / "staticfiles.json").exists()
        hashed = staticfiles_storage.url("css/bootstrap-italia.rtl.min.css")
        assert hashed.startswith("/static/css/bootstrap-italia.rtl.min.") and hashed.endswith(".css")
