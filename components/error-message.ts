import { AppError } from '@/lib/errors';

/** An error as the person should read it. */
export const messageOf = (e: unknown) => (e instanceof AppError ? e.message : 'Something went wrong. Please try again.');
