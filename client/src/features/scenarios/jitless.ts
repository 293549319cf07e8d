import { config } from 'zod';

// zod probes for eval (`new Function`) when it builds an object schema, to speed parsing up.
// The page's Content-Security-Policy forbids eval, so the probe would be reported as a
// violation. This module is imported before the scenario checker, whose schemas are built
// when it loads; the editor checks one file at a time and does not need the speed.
config({ jitless: true });
