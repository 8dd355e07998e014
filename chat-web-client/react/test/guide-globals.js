// The guide's snippet calls useState without an import (its page had it in scope); esbuild injects this.
export { useState } from 'react';
