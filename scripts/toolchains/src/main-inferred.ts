import { PhoneData } from './models-inferred.js';
import { run } from './run.js';

run(PhoneData);
