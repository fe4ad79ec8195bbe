// Registers the service worker (sw.js, at the site's root), which keeps the
// article in the reader's browser for reading offline (hooks/service_worker.py).
(() => {
  if (!("serviceWorker" in navigator)) return
  const worker = new URL("../../sw.js", document.currentScript.src)
  // Once the page has loaded: saving the article never slows the first page.
  addEventListener("load", () => navigator.serviceWorker.register(worker))
})()
