import type { Component } from './component.js';
import { autorisaties } from './autorisaties/index.js';
import { catalogi } from './catalogi/index.js';
import { zaken } from './zaken/index.js';
import { documenten } from './documenten/index.js';
import { notificaties } from './notificaties/index.js';
import { besluiten } from './besluiten/index.js';
import { inwoner } from './inwoner/index.js';

/** Every API this server mounts, in the order their tables are created. */
export const components: Component[] = [autorisaties, catalogi, zaken, documenten, besluiten, notificaties, inwoner];
