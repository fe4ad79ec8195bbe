"""Small repairs to the theme's markup that assistive technology needs (accessibility_step)."""
