"""The link-preview cards and the head tags that name them: each page's
presence on the web (head_tags), its card drawn in the bundled font
(social_card, fonts/), and the publishing step that adds both (head_tags_step)."""
