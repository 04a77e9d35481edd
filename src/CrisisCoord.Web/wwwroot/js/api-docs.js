// Loaded before Scalar on /api/docs (ADR 0025). Scalar validates with Zod, which probes `Function('')` to see
// whether it may compile validators; under the site's CSP (no 'unsafe-eval') that probe is a violation. Telling
// Zod to run without compiling skips the probe, so the page needs no eval at all.
globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig || {}, { jitless: true });
