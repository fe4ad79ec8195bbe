// Search on first use. Material starts its search worker, and hands it the
// index, as soon as a page loads. This gives Material a stand-in for that one
// worker: the real worker starts, and the documents that the online build
// keeps out of search_index.json (trustsite/search_index.py, a publishing step) are fetched,
// only when the reader first focuses the search box.
(() => {
  const form = document.forms.namedItem("search")
  const config = JSON.parse(document.getElementById("__config").textContent)
  if (!form || !config.search) return

  const here = location.href
  const searchWorker = new URL(config.search, here).href
  const searchDocs = new URL("search/search_docs.json", new URL(config.base, here))
  const PageWorker = window.Worker // the browser's, or iframe-worker's under file://
  const SETUP = 0 // Material's first message to its worker: settings and documents

  async function withDocuments(message) {
    if (message.type !== SETUP || message.data.docs.length) return message
    const response = await fetch(searchDocs)
    const docs = await response.json()
    return { ...message, data: { ...message.data, docs } }
  }

  class SearchOnFirstUse extends EventTarget {
    constructor(url) {
      super()
      // Messages go out in order, once the worker has started.
      this.sent = new Promise(resolve => {
        if (form.contains(document.activeElement)) resolve() // focused before Material started
        else form.addEventListener("focusin", resolve, { once: true })
      }).then(() => {
        this.worker = new PageWorker(url)
        this.worker.addEventListener("message", ({ data }) =>
          this.dispatchEvent(new MessageEvent("message", { data }))
        )
      })
    }

    postMessage(message) {
      this.sent = this.sent
        .then(() => withDocuments(message))
        .then(ready => this.worker.postMessage(ready))
    }
  }

  window.Worker = function Worker(url, options) {
    return new URL(url, here).href === searchWorker
      ? new SearchOnFirstUse(url)
      : new PageWorker(url, options)
  }
})()
