// The site kept for reading offline after a first visit. trustsite/service_worker.py
// writes this file as sw.js, with the build's details in BUILD: its cache name
// (which changes with any file), the names of older builds' caches, the files to
// save, and the page that answers an address not saved.
const BUILD = {}

// Pages and unversioned files: the network first, revalidated past the HTTP
// cache, so a correction reaches every reader on their next visit online;
// the saved copy answers only when the network fails. A file whose name
// carries a content hash (main.57a0d79d.min.css) never changes: saved first.
const FINGERPRINTED = /\.[0-9a-f]{8}\.min\.(css|js)$/

self.addEventListener("install", event => {
  event.waitUntil((async () => {
    const cache = await caches.open(BUILD.cache)
    // From the server, not from the HTTP cache, which may hold an older build.
    await cache.addAll(BUILD.files.map(file => new Request(file, { cache: "reload" })))
    await self.skipWaiting()
  })())
})

self.addEventListener("activate", event => {
  event.waitUntil((async () => {
    for (const name of await caches.keys())
      if (name.startsWith(BUILD.prefix) && name !== BUILD.cache) await caches.delete(name)
    await self.clients.claim()
  })())
})

async function networkFirst(request) {
  const cache = await caches.open(BUILD.cache)
  // A page asked for with a query (search adds ?h=word) is the same file.
  const file = new URL(request.url)
  file.search = ""
  try {
    const response = await fetch(request, { cache: "no-cache" })
    // Keep the saved copy as fresh as what the reader last saw, and no bigger.
    if (response.ok && response.type === "basic" && await cache.match(file.href))
      await cache.put(file.href, response.clone())
    return response
  } catch (offline) {
    const saved = await cache.match(file.href)
    if (saved) return saved
    if (request.mode === "navigate") return cache.match(BUILD.notFound)
    throw offline
  }
}

async function savedFirst(request) {
  const cache = await caches.open(BUILD.cache)
  return (await cache.match(request)) || networkFirst(request)
}

self.addEventListener("fetch", event => {
  const { request } = event
  if (request.method !== "GET" || new URL(request.url).origin !== location.origin) return
  event.respondWith(FINGERPRINTED.test(new URL(request.url).pathname)
    ? savedFirst(request)
    : networkFirst(request))
})
