/** Luhn (mod 10) as used by Swedish personnummer and organisationsnummer: weights 2,1,2,1,… from the left. */

/** The check digit for nine digits (the tenth digit of a personnummer or org.nr). */
export function luhnCheckDigit(digits: string): number {
  if (!/^\d+$/.test(digits)) throw new RangeError('luhnCheckDigit expects digits only');
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    // The digit next to the check digit gets weight 2, so count weights from the right.
    const weight = (digits.length - i) % 2 === 1 ? 2 : 1;
    const product = Number(digits[i]) * weight;
    sum += product > 9 ? product - 9 : product;
  }
  return (10 - (sum % 10)) % 10;
}

/** Ten digits whose last digit is the Luhn check digit of the first nine. */
export function hasValidLuhn(tenDigits: string): boolean {
  if (!/^\d{10}$/.test(tenDigits)) return false;
  return luhnCheckDigit(tenDigits.slice(0, 9)) === Number(tenDigits[9]);
}
