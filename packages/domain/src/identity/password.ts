import { z } from 'zod';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

/** NCSC guidance: length over composition rules; no forced complexity. */
export const ZPassword = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `Password must be at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(PASSWORD_MAX_LENGTH, `Password must be ${PASSWORD_MAX_LENGTH} characters or fewer`);

export const ZEmail = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email('Enter an email address in the correct format, like name@example.org'));

export const ZPersonName = z
  .string()
  .trim()
  .min(1, 'Enter a full name')
  .max(200, 'Full name must be 200 characters or fewer');
