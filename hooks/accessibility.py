"""Applies trustsite.accessibility's repairs to every page, the 404 page included."""

from mkdocs.plugins import event_priority

from trustsite.accessibility import name_search_dialog


# Before the minify plugin, so the repair sees Material's markup as written.
@event_priority(50)
def on_post_page(output, page, config):
    return name_search_dialog(output)


@event_priority(50)
def on_post_template(output_content, template_name, config):
    return name_search_dialog(output_content)
