"""What the browser tests and trustsite_tools/reading.py measure on a rendered page,
as scripts for Playwright's page.evaluate()."""

# The article: the site's <article>, the one-file edition's <main id="article">.
ARTICLE = ":is(article, #article)"
# Its body text: paragraphs and list items (LINE_LENGTHS leaves tables out:
# they may keep the column's width).
BODY_TEXT = f"{ARTICLE} :is(p, li)"

# For every paragraph and list item of the body text, the characters on each
# of its rendered lines but the last (which may be short): each character's
# box, from a Range, and a new line wherever the next box starts to the left
# of the one before. Text in a nested paragraph or list counts for that one.
LINE_LENGTHS = """selector => {
  const elements = [...document.querySelectorAll(selector)].filter(e => !e.closest("table, nav, footer, header"));
  return elements.map(element => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT,
      {acceptNode: node => node.parentElement.closest("p, li") === element ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT});
    const lines = [];
    let previous = null;
    const range = document.createRange();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (let i = 0; i < node.length; i++) {
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const box = range.getClientRects()[0];
        if (!box || box.width === 0) continue;
        if (!previous || box.left < previous.left - 1) lines.push(0);
        lines[lines.length - 1] += 1;
        previous = box;
      }
    }
    return {text: element.textContent.trim().slice(0, 60), full: lines.slice(0, -1)};
  }).filter(element => element.full.length);
}"""

# The computed font size, in px, of every table's cells and caption.
TABLE_TEXT_SIZES = """() => [...document.querySelectorAll("table caption, table th, table td")]
  .map(cell => parseFloat(getComputedStyle(cell).fontSize))"""
