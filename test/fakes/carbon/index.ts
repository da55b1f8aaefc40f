/** Fake carbon-intensity APIs on 127.0.0.1 for provider, CLI and reconciler tests. */
export { type ElectricityMapsFake, startElectricityMapsFake } from './electricitymaps.js';
export { type FakePoint, type FakeServer, pointsFrom, type RecordedRequest, ukTime } from './server.js';
export { startUkFake, type UkFake, ukIndex } from './uk.js';
export { startWattTimeFake, type WattTimeFake } from './watttime.js';
