// Roundtable's service worker, written into dist/ by scripts/postbuild.mjs.
// The app shell is cached on install and served cache-first, so the app
// opens with no network after one visit. A new deployment installs beside
// the running one and takes over only when the person reloads (or on their
// next visit), so an open tab never mixes two versions.
const VERSION = '__VERSION__';
const FILES = __FILES__;
// Caches are per origin: the scope keeps apps deployed under other paths apart.
const PREFIX = `roundtable:${self.registration.scope}:`;
const CACHE = PREFIX + VERSION;

// Filled straight from the network: through the browser's HTTP cache a
// host's max-age (GitHub Pages sends 600 s) would put the previous build's
// index.html into this version's cache, naming files that may be deleted.
self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES.map((f) => new Request(f, { cache: 'reload' })))));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    // Any page of the app (with a query or a #team= link) is the one page.
    const hit = request.mode === 'navigate'
      ? await cache.match('./', { ignoreSearch: true })
      : await cache.match(request, { ignoreSearch: true });
    return hit || fetch(request);
  })());
});
