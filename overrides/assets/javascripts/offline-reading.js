// Registers the service worker (sw.js, at the site's root), which keeps the
// article in the reader's browser for reading offline (trustsite/publish/service_worker.py).
(() => {
  if (!("serviceWorker" in navigator)) return
  // A reader whose browser asks to save data did not ask for the whole site in
  // the background (about ten times the page): the one-file edition is offered.
  if (navigator.connection && navigator.connection.saveData) return
  const worker = new URL("../../sw.js", document.currentScript.src)
  // Once the page has loaded: saving the article never slows the first page.
  addEventListener("load", () => navigator.serviceWorker.register(worker))
})()
