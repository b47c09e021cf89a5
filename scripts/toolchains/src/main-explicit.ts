import { PhoneData } from './models-explicit.js';
import { run } from './run.js';

run(PhoneData);
