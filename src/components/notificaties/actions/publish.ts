import type { Handler } from '../../../core/types.js';
import { invalid } from '../../../core/errors.js';

interface Message {
  kanaal: string;
  hoofdObject: string;
  resource: string;
  resourceUrl: string;
  actie: string;
  aanmaakdatum: string;
  kenmerken?: Record<string, string>;
}

/**
 * `POST /notificaties`: an external source publishes a message. It goes into the same outbox
 * our own writes use, so the worker delivers it with the same retries and order. The kanaal must
 * exist (`message_kanaal`) and the kenmerken must be ones it declares (`kenmerken_inconsistent`),
 * as Open Notificaties checks. The answer is 201 echoing the message (CONVENTIONS §7, Open
 * Notificaties); the standard's contract lists 200, which clients treat alike (any 2xx).
 */
export const publish: Handler = async (req, ctx) => {
  const message = req.body as Message;
  const kanaal = await ctx.db('kanaal').where({ naam: message.kanaal }).first('data');
  if (!kanaal) throw invalid({ name: 'kanaal', code: 'message_kanaal', reason: `Kanaal met naam "${message.kanaal}" bestaat niet.` });
  const allowed = new Set<string>(kanaal.data.filters ?? []);
  const unknown = Object.keys(message.kenmerken ?? {}).filter((k) => !allowed.has(k));
  if (unknown.length) {
    throw invalid({ name: 'kenmerken', code: 'kenmerken_inconsistent', reason: `Het kanaal kent de kenmerken ${unknown.join(', ')} niet.` });
  }
  const echoed: Message = {
    kanaal: message.kanaal,
    hoofdObject: message.hoofdObject,
    resource: message.resource,
    resourceUrl: message.resourceUrl,
    actie: message.actie,
    aanmaakdatum: message.aanmaakdatum,
    kenmerken: message.kenmerken ?? {},
  };
  await ctx.db('notificatie_outbox').insert({
    kanaal: echoed.kanaal,
    hoofd_object: echoed.hoofdObject,
    message: JSON.stringify(echoed),
    created_at: ctx.now,
  });
  return { status: 201, body: echoed };
};
