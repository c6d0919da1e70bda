import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { refusedWith, scalar } from './executorHarness';

/** The convert_* functions: the pages' examples, unknown units, nulls and the refused units. */
const close = (actual: unknown, expected: number) =>
  assert.ok(
    typeof actual === 'number' && Math.abs(actual - expected) <= 1e-12 * Math.max(1e-300, Math.abs(expected)),
    `${String(actual)} is not ${expected}`,
  );

describe('executor: unit conversions', () => {
  it('give the pages examples', () => {
    close(scalar("convert_angle(1.2, 'Degree', 'Arcminute')"), 72);
    close(scalar("convert_energy(1.2, 'Joule', 'BritishThermalUnit')"), 0.00113738054437598);
    close(scalar("convert_force(1.2, 'Newton', 'Decanewton')"), 0.12);
    close(scalar("convert_length(1.2, 'Meter', 'Foot')"), 3.93700787401575);
    close(scalar("convert_mass(1.2, 'Kilogram', 'Pound')"), 2.64554714621853);
    close(scalar("convert_speed(1.2, 'MeterPerSecond', 'CentimeterPerHour')"), 432000);
    close(scalar("convert_temperature(1.2, 'Kelvin', 'DegreeCelsius')"), -271.95);
    close(scalar("convert_volume(1.2, 'CubicMeter', 'AcreFoot')"), 0.0009728568);
  });

  it('convert between two non-base units and through the temperature scales', () => {
    close(scalar("convert_length(1.0, 'Yard', 'Inch')"), 36);
    close(scalar("convert_mass(1.0, 'Stone', 'Pound')"), 14);
    close(scalar("convert_angle(1.0, 'Revolution', 'Gradian')"), 400);
    close(scalar("convert_volume(1.0, 'UsQuart', 'UsTablespoon')"), 64);
    close(scalar("convert_energy(1.0, 'KilowattHour', 'Megajoule')"), 3.6);
    close(scalar("convert_temperature(100.0, 'DegreeCelsius', 'DegreeFahrenheit')"), 212);
    close(scalar("convert_temperature(-40.0, 'DegreeFahrenheit', 'DegreeCelsius')"), -40);
    close(scalar("convert_temperature(0.0, 'DegreeCelsius', 'DegreeDelisle')"), 150);
    close(scalar("convert_temperature(7.5, 'DegreeRoemer', 'Kelvin')"), 273.15);
    close(scalar("convert_temperature(491.67, 'DegreeRankine', 'DegreeCelsius')"), 0);
    assert.equal(scalar("convert_length(-3.5, 'Meter', 'Meter')"), -3.5);
  });

  it('give null for a unit the page does not list and for a null value', () => {
    assert.equal(scalar("convert_length(1.0, 'Meter', 'Smoot')"), null);
    assert.equal(scalar("convert_mass(1.0, '', 'Gram')"), null);
    assert.equal(scalar("convert_temperature(1.0, 'Kelvin', 'Celsius')"), null);
    assert.equal(scalar("convert_length(real(null), 'Meter', 'Foot')"), null);
  });

  it('refuse units whose factor is unsettled and names in another casing', () => {
    assert.throws(() => scalar("convert_length(1.0, 'Mile', 'Meter')"), refusedWith(/'Mile'.*not settled/));
    assert.throws(() => scalar("convert_angle(1.0, 'Degree', 'Tilt')"), refusedWith(/'Tilt'/));
    assert.throws(() => scalar("convert_energy(1.0, 'ElectronVolt', 'Joule')"), refusedWith(/ElectronVolt/));
    assert.throws(() => scalar("convert_volume(1.0, 'UsGallon', 'Liter')"), refusedWith(/UsGallon/));
    assert.throws(
      () => scalar("convert_length(1.0, 'meter', 'Foot')"),
      refusedWith(/'meter'.*lists 'Meter'/),
    );
  });
});
