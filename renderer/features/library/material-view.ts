// The one import of the material viewer, so that the library does not depend on how the
// viewers are laid out.
export { MaterialView } from '../viewers/MaterialView';
