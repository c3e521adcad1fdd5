#!/usr/bin/env node
/**
 * `node collector/src/main.ts`: the feedback collector, serving the built site in dist/ beside
 * its API (what `npm start` runs after the build), or the API alone with FEEDBACK_SITE_DIR=''.
 * Settings come from the environment: see settingsFromEnv (server.ts) and the README.
 */
import { settingsFromEnv, startCollector } from './server.ts';

let settings;
try {
  settings = settingsFromEnv();
} catch (error) {
  console.error(`collector: ${(error as Error).message}`);
  process.exit(2);
}

try {
  const collector = await startCollector(settings);
  // This line is read by tests and the bench to learn the port: keep its shape.
  console.log(`collector: listening on ${collector.url}/`);
  console.log(`  ${settings.siteDir ? `site from ${settings.siteDir}, ` : 'API only, '}data in ${settings.dataDir}`);
  console.log(`  insights: ${collector.url}/insights/`);
  if (settings.devToken)
    console.log(
      `  development insights token (INSIGHTS_TOKEN not set; a new one at each start): ${settings.insightsToken}`,
    );
  const stop = () => void collector.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  console.error(`collector: ${(error as Error).message}`);
  process.exit(1);
}
