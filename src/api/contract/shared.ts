/** What every part of the contract shares: "no input", and the error shape. */
import { z } from 'zod';
import { publicErrorCodes } from '../../errors';

/** The input of an operation that takes none. */
export const none = z.undefined();

/** The error shape that crosses the boundary: a code and a sentence, never content or a stack. */
export const apiErrorSchema = z.object({ code: z.enum(publicErrorCodes), message: z.string() });
export type ApiError = z.infer<typeof apiErrorSchema>;
