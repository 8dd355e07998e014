// Where the guide's example imports its component from: the package's default export.
export { default } from '../../index.js';
