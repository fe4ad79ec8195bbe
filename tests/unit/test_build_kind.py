"""The plugin tells a preview from a build, and the offline copy's configuration
from the online site's (trustsite.plugin.build_kind)."""

import logging
from types import SimpleNamespace

from trustsite.plugin.build_kind import is_offline
from trustsite.plugin.log_rewrites import BUILD_LOGGER, LINKS_LOGGER, MACROS_LOGGER
from trustsite.plugin.site_plugin import TrustsitePlugin


def configuration(plugins: dict) -> SimpleNamespace:
    return SimpleNamespace(plugins=plugins)


def offline_plugin(enabled: bool) -> SimpleNamespace:
    return SimpleNamespace(config=SimpleNamespace(enabled=enabled))


def test_the_offline_plugin_switched_on_makes_the_offline_copy():
    assert is_offline(configuration({"material/offline": offline_plugin(True)}))


def test_the_offline_plugin_switched_off_or_absent_makes_the_online_site():
    assert not is_offline(configuration({"material/offline": offline_plugin(False)}))
    assert not is_offline(configuration({}))


def started(command: str) -> TrustsitePlugin:
    plugin = TrustsitePlugin()
    plugin.on_startup(command=command, dirty=False)
    plugin.on_shutdown()
    return plugin


def test_only_mkdocs_serve_is_a_preview():
    for command, preview in (("serve", True), ("build", False), ("gh-deploy", False)):
        assert started(command).preview is preview, command


def test_each_plugin_keeps_its_own_command():
    # No process-wide record: a build started after a preview is a build, and the preview stays one.
    preview, build = started("serve"), started("build")
    assert (preview.preview, build.preview) == (True, False)


def test_a_configuration_loaded_without_startup_is_a_plain_build():
    assert TrustsitePlugin().preview is False


def test_the_plugin_takes_its_filters_off_other_libraries_loggers_when_its_builds_are_over():
    loggers = [logging.getLogger(name) for name in (MACROS_LOGGER, LINKS_LOGGER, BUILD_LOGGER)]
    before = [list(logger.filters) for logger in loggers]
    plugin = TrustsitePlugin()
    plugin.on_startup(command="build", dirty=False)
    for _ in range(2):  # both renders of a build: one set of filters, not two
        plugin.rewrites.rewrite_for("/project/docs")
    assert [len(logger.filters) for logger in loggers] == [len(filters) + 1 for filters in before]
    plugin.on_shutdown()
    assert [list(logger.filters) for logger in loggers] == before
