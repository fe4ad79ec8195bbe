// Zensical's search draws its panel in a shadow root, which the site's
// stylesheet cannot reach. Two repairs for WCAG 2.2 AA, as the panel renders:
// each result's path gets readable contrast (the theme gives it 45% of the
// text colour), and a result's accessible name is its whole visible text,
// not its title alone (aria-labelledby), so speech input can name it.
(() => {
  const contrast = new CSSStyleSheet()
  contrast.replaceSync(".n { color: rgb(var(--color-foreground) / .75) }")

  function repair(root) {
    if (!root.adoptedStyleSheets.includes(contrast)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, contrast]
    for (const link of root.querySelectorAll("a[role=option][aria-labelledby]")) link.removeAttribute("aria-labelledby")
  }

  const watched = new WeakSet()
  function watch() {
    for (const host of document.body.children) {
      if (!host.shadowRoot || watched.has(host.shadowRoot)) continue
      watched.add(host.shadowRoot)
      repair(host.shadowRoot)
      new MutationObserver(() => repair(host.shadowRoot)).observe(host.shadowRoot, { childList: true, subtree: true })
    }
  }
  // The theme's script may have drawn the panel already, or may do so later.
  watch()
  new MutationObserver(watch).observe(document.body, { childList: true })
})()
