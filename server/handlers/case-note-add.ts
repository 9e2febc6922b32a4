import type { z } from 'zod';
import { addCaseNote } from '../../core/cases/add-note';
import type { NoteResponse } from '../api-types';
import type { idParams } from '../schemas/common';
import type { noteBody } from '../schemas/case-schemas';
import type { HandlerContext, HandlerInput, HandlerResult } from '../http/handler-types';
import { callerName } from '../views/pii-mode';

/** `POST /api/cases/:id/notes`: adds a note by the caller. */
export async function caseNoteAdd(
  ctx: HandlerContext,
  input: HandlerInput<z.infer<typeof idParams>, unknown, z.infer<typeof noteBody>>,
): Promise<HandlerResult> {
  const note = await addCaseNote(
    ctx.store,
    input.params.id,
    input.body.text,
    callerName(ctx),
    ctx.now(),
  );
  const body: NoteResponse = { note };
  return { status: 201, body };
}
