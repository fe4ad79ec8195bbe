"""trustsite.build_kind tells the offline copy's configuration from the online site's."""

from types import SimpleNamespace

from trustsite.build_kind import is_offline, is_preview, started_by


def configuration(plugins: dict) -> SimpleNamespace:
    return SimpleNamespace(plugins=plugins)


def offline_plugin(enabled: bool) -> SimpleNamespace:
    return SimpleNamespace(config=SimpleNamespace(enabled=enabled))


def test_the_offline_plugin_switched_on_makes_the_offline_copy():
    assert is_offline(configuration({"material/offline": offline_plugin(True)}))


def test_the_offline_plugin_switched_off_or_absent_makes_the_online_site():
    assert not is_offline(configuration({"material/offline": offline_plugin(False)}))
    assert not is_offline(configuration({}))


def test_only_mkdocs_serve_is_a_preview(monkeypatch):
    # Each call below changes the process-wide record; the test restores it.
    monkeypatch.setattr("trustsite.build_kind._command", "build")
    assert not is_preview()
    for command, preview in (("serve", True), ("build", False), ("gh-deploy", False)):
        started_by(command)
        assert is_preview() is preview, command
