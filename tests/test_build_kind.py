"""trustsite.build_kind tells the offline copy's configuration from the online site's."""

from types import SimpleNamespace

from trustsite.build_kind import is_offline


def configuration(plugins: dict) -> SimpleNamespace:
    return SimpleNamespace(plugins=plugins)


def offline_plugin(enabled: bool) -> SimpleNamespace:
    return SimpleNamespace(config=SimpleNamespace(enabled=enabled))


def test_the_offline_plugin_switched_on_makes_the_offline_copy():
    assert is_offline(configuration({"material/offline": offline_plugin(True)}))


def test_the_offline_plugin_switched_off_or_absent_makes_the_online_site():
    assert not is_offline(configuration({"material/offline": offline_plugin(False)}))
    assert not is_offline(configuration({}))
