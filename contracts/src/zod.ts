import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';

// The one place zod is extended: every schema imports `z` from here, so `.openapi()` exists on
// all of them and there is a single zod instance (STYLE.md §3.2).
extendZodWithOpenApi(z);

export { z };
