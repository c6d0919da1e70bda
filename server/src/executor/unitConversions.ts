import { UnsupportedError } from './errors';
import { argNumber, argString } from './functionArgs';
import type { FunctionCall, ScalarFunction } from './scalarFunctions';

/**
 * convert_angle, convert_energy, convert_force, convert_length, convert_mass, convert_speed,
 * convert_temperature and convert_volume (convert-*-function.md). Each unit is its factor to the
 * family's SI unit, from the unit's definition. A unit the page does not list gives null, as the
 * pages say. Kusto rounds some factors: the convert_volume page's own AcreFoot example is 1.2 / 1233.48
 * only to six digits, from a rounded factor. Which other units are rounded, and how, is not
 * documented, so a listed unit whose factor is not settled by one exact definition (a mile of
 * 1609.344 m or a rounded one, a gallon, a cubic foot, an electron volt by which CODATA, a
 * kilogram-force, the nonlinear Tilt) is refused rather than guessed.
 */

const PI = Math.PI;
const INCH = 0.0254;
const FOOT = 0.3048;
const US_SURVEY_FOOT = 1200 / 3937;
const POUND = 0.45359237;
const POUND_FORCE = POUND * 9.80665;
const US_GALLON = 231 * INCH ** 3;
const IMPERIAL_GALLON = 0.00454609;
const BTU = 1055.05585262;

/** Units on the pages whose factor is not settled by one definition. */
const UNSETTLED = new Set([
  'Tilt',
  'ElectronVolt',
  'KiloelectronVolt',
  'MegaelectronVolt',
  'GigaelectronVolt',
  'TeraelectronVolt',
  'ThermEc',
  'ThermImperial',
  'ThermUs',
  'DecathermEc',
  'DecathermImperial',
  'DecathermUs',
  'HorsepowerHour',
  'FootPound',
  'Parsec',
  'Kiloparsec',
  'Megaparsec',
  'PrinterPica',
  'PrinterPoint',
  'SolarRadius',
  'EarthMass',
  'SolarMass',
  'UsBeerBarrel',
  'SolarTemperature',
  'Mile',
  'MilePerHour',
  'Knot',
  'KilogramForce',
  'KiloPond',
  'TonneForce',
  'Poundal',
  'CubicFoot',
  'HectocubicFoot',
  'KilocubicFoot',
  'MegacubicFoot',
  'CubicInch',
  'CubicYard',
  'UsGallon',
  'DeciusGallon',
  'DecausGallon',
  'HectousGallon',
  'KilousGallon',
  'MegausGallon',
  'BoardFoot',
  'CubicMile',
]);

const ANGLE: Record<string, number> = {
  Radian: 1,
  Deciradian: 0.1,
  Centiradian: 0.01,
  Milliradian: 1e-3,
  Microradian: 1e-6,
  Nanoradian: 1e-9,
  Degree: PI / 180,
  Millidegree: PI / 180e3,
  Microdegree: PI / 180e6,
  Nanodegree: PI / 180e9,
  Arcminute: PI / 10800,
  Arcsecond: PI / 648000,
  Gradian: PI / 200,
  NatoMil: (2 * PI) / 6400,
  Revolution: 2 * PI,
};

const ENERGY: Record<string, number> = {
  Joule: 1,
  Millijoule: 1e-3,
  Kilojoule: 1e3,
  Megajoule: 1e6,
  Gigajoule: 1e9,
  Calorie: 4.184,
  Kilocalorie: 4184,
  Megacalorie: 4.184e6,
  BritishThermalUnit: BTU,
  KilobritishThermalUnit: BTU * 1e3,
  MegabritishThermalUnit: BTU * 1e6,
  GigabritishThermalUnit: BTU * 1e9,
  Erg: 1e-7,
  WattHour: 3600,
  KilowattHour: 3.6e6,
  MegawattHour: 3.6e9,
  GigawattHour: 3.6e12,
  TerawattHour: 3.6e15,
  WattDay: 86400,
  KilowattDay: 8.64e7,
  MegawattDay: 8.64e10,
  GigawattDay: 8.64e13,
  TerawattDay: 8.64e16,
};

const FORCE: Record<string, number> = {
  Newton: 1,
  Micronewton: 1e-6,
  Millinewton: 1e-3,
  Decanewton: 10,
  Kilonewton: 1e3,
  Meganewton: 1e6,
  Dyn: 1e-5,
  PoundForce: POUND_FORCE,
  KilopoundForce: POUND_FORCE * 1e3,
  OunceForce: POUND_FORCE / 16,
  ShortTonForce: POUND_FORCE * 2000,
};

const LENGTH: Record<string, number> = {
  Meter: 1,
  Nanometer: 1e-9,
  Micrometer: 1e-6,
  Millimeter: 1e-3,
  Centimeter: 0.01,
  Decimeter: 0.1,
  Decameter: 10,
  Hectometer: 100,
  Kilometer: 1e3,
  Angstrom: 1e-10,
  Inch: INCH,
  Microinch: INCH * 1e-6,
  Mil: INCH * 1e-3,
  Twip: INCH / 1440,
  DtpPoint: INCH / 72,
  DtpPica: INCH / 6,
  Hand: 4 * INCH,
  Foot: FOOT,
  UsSurveyFoot: US_SURVEY_FOOT,
  Yard: 3 * FOOT,
  Fathom: 6 * FOOT,
  Shackle: 90 * FOOT,
  Chain: 66 * FOOT,
  DataMile: 6000 * FOOT,
  NauticalMile: 1852,
  AstronomicalUnit: 149597870700,
  LightYear: 9460730472580800,
  KilolightYear: 9460730472580800e3,
  MegalightYear: 9460730472580800e6,
};

const MASS: Record<string, number> = {
  Kilogram: 1,
  Nanogram: 1e-12,
  Microgram: 1e-9,
  Milligram: 1e-6,
  Centigram: 1e-5,
  Decigram: 1e-4,
  Gram: 1e-3,
  Decagram: 0.01,
  Hectogram: 0.1,
  Tonne: 1e3,
  Kilotonne: 1e6,
  Megatonne: 1e9,
  Grain: POUND / 7000,
  Ounce: POUND / 16,
  Pound: POUND,
  Kilopound: POUND * 1e3,
  Megapound: POUND * 1e6,
  Stone: POUND * 14,
  ShortHundredweight: POUND * 100,
  LongHundredweight: POUND * 112,
  ShortTon: POUND * 2000,
  LongTon: POUND * 2240,
  Slug: POUND_FORCE / FOOT,
};

const PER: Record<string, number> = { Second: 1, Minute: 60, Hour: 3600 };
const SPEED: Record<string, number> = {};
for (const [unit, metres] of Object.entries({
  Nanometer: 1e-9,
  Micrometer: 1e-6,
  Millimeter: 1e-3,
  Centimeter: 0.01,
  Decimeter: 0.1,
  Meter: 1,
  Kilometer: 1e3,
  Inch: INCH,
  Foot: FOOT,
  UsSurveyFoot: US_SURVEY_FOOT,
  Yard: 3 * FOOT,
}))
  for (const [time, seconds] of Object.entries(PER)) SPEED[`${unit}Per${time}`] = metres / seconds;

const VOLUME: Record<string, number> = {
  CubicMeter: 1,
  HectocubicMeter: 100,
  KilocubicMeter: 1e3,
  CubicMicrometer: 1e-18,
  CubicMillimeter: 1e-9,
  CubicCentimeter: 1e-6,
  CubicDecimeter: 1e-3,
  CubicHectometer: 1e6,
  CubicKilometer: 1e9,
  Microliter: 1e-9,
  Milliliter: 1e-6,
  Centiliter: 1e-5,
  Deciliter: 1e-4,
  Liter: 1e-3,
  Decaliter: 0.01,
  Hectoliter: 0.1,
  Kiloliter: 1,
  Megaliter: 1e3,
  // The factor the page's example shows: 1 m³ is 0.000810714 acre-feet.
  AcreFoot: 1 / 0.000810714,
  UsQuart: US_GALLON / 4,
  UsPint: US_GALLON / 8,
  UsCustomaryCup: US_GALLON / 16,
  UsOunce: US_GALLON / 128,
  UsTablespoon: US_GALLON / 256,
  UsTeaspoon: US_GALLON / 768,
  UsLegalCup: 2.4e-4,
  OilBarrel: US_GALLON * 42,
  ImperialGallon: IMPERIAL_GALLON,
  KiloimperialGallon: IMPERIAL_GALLON * 1e3,
  MegaimperialGallon: IMPERIAL_GALLON * 1e6,
  ImperialPint: IMPERIAL_GALLON / 8,
  ImperialOunce: IMPERIAL_GALLON / 160,
  ImperialBeerBarrel: IMPERIAL_GALLON * 36,
  UkTablespoon: 1.5e-5,
  AuTablespoon: 2e-5,
  MetricCup: 2.5e-4,
  MetricTeaspoon: 5e-6,
};

/** Temperatures are affine: each unit's conversion to and from kelvin. */
const TEMPERATURE: Record<string, [(v: number) => number, (k: number) => number]> = {
  Kelvin: [(v) => v, (k) => k],
  DegreeCelsius: [(v) => v + 273.15, (k) => k - 273.15],
  MillidegreeCelsius: [(v) => v / 1000 + 273.15, (k) => (k - 273.15) * 1000],
  DegreeFahrenheit: [(v) => ((v + 459.67) * 5) / 9, (k) => (k * 9) / 5 - 459.67],
  DegreeRankine: [(v) => (v * 5) / 9, (k) => (k * 9) / 5],
  DegreeDelisle: [(v) => 373.15 - (v * 2) / 3, (k) => ((373.15 - k) * 3) / 2],
  DegreeNewton: [(v) => (v * 100) / 33 + 273.15, (k) => ((k - 273.15) * 33) / 100],
  DegreeReaumur: [(v) => (v * 5) / 4 + 273.15, (k) => ((k - 273.15) * 4) / 5],
  DegreeRoemer: [(v) => ((v - 7.5) * 40) / 21 + 273.15, (k) => ((k - 273.15) * 21) / 40 + 7.5],
};

/** Checks one unit name: known gives true, unknown false; unsettled or another casing is refused. */
function known(fn: string, unit: string, units: readonly string[]): boolean {
  if (UNSETTLED.has(unit))
    throw new UnsupportedError(
      `${fn}() with the unit '${unit}'`,
      "its factor is not settled by one exact definition, and Kusto's is not documented",
    );
  if (units.includes(unit)) return true;
  const other = units.find((u) => u.toLowerCase() === unit.toLowerCase());
  if (other)
    throw new UnsupportedError(
      `${fn}() with the unit '${unit}'`,
      `the page lists '${other}' and does not say whether the names ignore case`,
    );
  return false;
}

function converter(fn: string, table: Record<string, number>): ScalarFunction {
  const units = Object.keys(table);
  return (c: FunctionCall) => {
    const v = argNumber(c, 0);
    const from = argString(c, 1);
    const to = argString(c, 2);
    if (v === null || c.args[1] === null || c.args[2] === null) return null;
    if (!known(fn, from, units) || !known(fn, to, units)) return null;
    return from === to ? v : (v * table[from]) / table[to];
  };
}

function temperature(c: FunctionCall): unknown {
  const fn = 'convert_temperature';
  const units = Object.keys(TEMPERATURE);
  const v = argNumber(c, 0);
  const from = argString(c, 1);
  const to = argString(c, 2);
  if (v === null) return null;
  if (!known(fn, from, units) || !known(fn, to, units)) return null;
  return from === to ? v : TEMPERATURE[to][1](TEMPERATURE[from][0](v));
}

export const UNIT_CONVERSION_FUNCTIONS: Record<string, ScalarFunction> = {
  convert_angle: converter('convert_angle', ANGLE),
  convert_energy: converter('convert_energy', ENERGY),
  convert_force: converter('convert_force', FORCE),
  convert_length: converter('convert_length', LENGTH),
  convert_mass: converter('convert_mass', MASS),
  convert_speed: converter('convert_speed', SPEED),
  convert_volume: converter('convert_volume', VOLUME),
  convert_temperature: temperature,
};
