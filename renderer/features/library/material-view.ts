// The one import of the material viewer. Until renderer/features/viewers/MaterialView.tsx
// exists, a plain placeholder stands in; switching is this one line.
export { MaterialPlaceholder as MaterialView } from './MaterialPlaceholder';
