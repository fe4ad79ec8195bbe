// The site kept for reading offline after a first visit. trustsite/service_worker/__init__.py
// writes this file as sw.js, with the build's details in BUILD: its version
// (which changes with any file), how every cache's name starts, the files to
// save, the page that answers an address not saved, and how long a page waits
// for the network before the saved copy answers.
const BUILD = {}

// The caches of this site, and this build's. Named by the worker's scope (the
// site's own address), so that another site on the same origin (a second
// article under one github.io account) keeps its copy when this one drops its
// older builds'. The scope ends in "/", then a space: "/a/" never takes "/a/b/"'s.
const OWN_CACHES = `${BUILD.prefix}${self.registration.scope} `
const CACHE = OWN_CACHES + BUILD.version
// The first article's first workers named their caches without a scope; such a
// cache is this site's only if it holds this site's opening page.
const FIRST_WORKERS_CACHE = /^trust-in-therapy-[0-9a-f]{16}$/

// Pages and unversioned files: the network first, revalidated past the HTTP
// cache, so a correction reaches every reader on their next visit online.
// The saved copy answers when the network fails, or when it has not answered
// within BUILD.networkTimeoutSeconds (a connection that is accepted and never
// answered); a late answer still refreshes the saved copy for the next visit.
// A file whose name carries a content hash (main.57a0d79d.min.css) never
// changes: saved first.
const FINGERPRINTED = /\.[0-9a-f]{8}\.min\.(css|js)$/

// The pages (by client id) that the saved copy answered for want of a network:
// their stylesheets, scripts and search come from the saved copy at once too,
// so a page on a hanging connection waits once, not once per file. The set
// lasts only as long as the worker, which the browser stops when idle.
const readingSaved = new Set()

self.addEventListener("install", event => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE)
    // From the server, not from the HTTP cache, which may hold an older build.
    await cache.addAll(BUILD.files.map(file => new Request(file, { cache: "reload" })))
    await self.skipWaiting()
  })())
})

self.addEventListener("activate", event => {
  event.waitUntil((async () => {
    for (const name of await caches.keys())
      if (name.startsWith(OWN_CACHES) ? name !== CACHE : FIRST_WORKERS_CACHE.test(name)
          && await caches.match(self.registration.scope, { cacheName: name }))
        await caches.delete(name)
    await self.clients.claim()
  })())
})

// The saved "not found" page, with the status it stands for.
async function notFound(cache) {
  const page = await cache.match(BUILD.notFound)
  return page && new Response(page.body, { status: 404, statusText: "Not Found", headers: page.headers })
}

function after(seconds) {
  return new Promise(resolve => setTimeout(resolve, seconds * 1000))
}

async function networkFirst(event) {
  const { request } = event
  const cache = await caches.open(CACHE)
  // A page asked for with a query (search adds ?h=word) is the same file.
  const file = new URL(request.url)
  file.search = ""
  const network = fetch(request, { cache: "no-cache" }).then(async response => {
    // Keep the saved copy as fresh as what the reader last saw, and no bigger.
    if (response.ok && response.type === "basic" && await cache.match(file.href))
      await cache.put(file.href, response.clone())
    return response
  })
  // The worker stays awake for a late answer, to save it.
  event.waitUntil(network.catch(() => {}))
  const client = request.mode === "navigate" ? event.resultingClientId : event.clientId
  const wait = readingSaved.has(client) ? 0 : BUILD.networkTimeoutSeconds
  try {
    const first = await Promise.race([network, after(wait)])
    if (first) return first
    const saved = await cache.match(file.href)
    if (!saved) return await network
    if (request.mode === "navigate") readingSaved.add(client)
    return saved
  } catch (offline) {
    const saved = await cache.match(file.href)
    if (saved) return saved
    if (request.mode === "navigate") return notFound(cache)
    throw offline
  }
}

async function savedFirst(event) {
  const cache = await caches.open(CACHE)
  return (await cache.match(event.request)) || networkFirst(event)
}

self.addEventListener("fetch", event => {
  const { request } = event
  if (request.method !== "GET" || new URL(request.url).origin !== location.origin) return
  event.respondWith(FINGERPRINTED.test(new URL(request.url).pathname)
    ? savedFirst(event)
    : networkFirst(event))
})
