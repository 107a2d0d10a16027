/**
 * A phone number as people read it (pure): the national format where it shares the firm's country's calling code
 * ("(617) 555-0142" for a US or Canadian firm), the international format elsewhere ("+44 20 7946 0958"). The formats
 * are libphonenumber-js's, for the countries of phone-metadata.ts; a number of another country keeps its E.164 form,
 * its calling code apart when known to us.
 */
import { getCountryCallingCode, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/core';
import { isPhoneCountrySupported } from './phones';
import { PHONE_METADATA } from './phone-metadata';

/** `e164`: "+16175550142"; `home`: the country numbers without a calling code are read in (the firm's). */
export function formatPhone(e164: string, home: CountryCode | undefined): string {
  try {
    const p = parsePhoneNumberFromString(e164, {}, PHONE_METADATA);
    if (!p?.isValid()) return e164;
    const homeCode = home && isPhoneCountrySupported(home) ? getCountryCallingCode(home, PHONE_METADATA) : undefined;
    return p.countryCallingCode === homeCode ? p.formatNational() : p.formatInternational();
  } catch {
    return e164;
  }
}
