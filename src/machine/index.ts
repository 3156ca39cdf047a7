export { enrolFromMachineSettings, type MachineEnrolment } from './enrol';
export {
  MACHINE_FILE_ENV,
  MACHINE_FILE_MAX_BYTES,
  machineSettingsFile,
  normaliseSafetyCode,
  readMachineSettings,
  type MachineSettings,
  type MachineSettingsRead,
} from './settings-file';
