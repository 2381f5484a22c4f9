import {
  DIFF_USAGE,
  renderReport,
  runDiff
} from "./chunk-6NRAZBLT.mjs";
import "./chunk-NPPJNOXJ.mjs";
import "./chunk-RWK4WCFY.mjs";
import "./chunk-U2OET4L7.mjs";
import "./chunk-MVMMHOUD.mjs";
import "./chunk-5E6ZJ4TW.mjs";
import "./chunk-YPO3PXX5.mjs";
import "./chunk-MDHHRUTZ.mjs";
import "./chunk-GOXPIZBT.mjs";
import "./chunk-JHNEIQET.mjs";
import "./chunk-D23G4ER4.mjs";
import "./chunk-DMQTDK6J.mjs";
import "./chunk-LV3SBTA7.mjs";
export {
  DIFF_USAGE,
  renderReport,
  runDiff
};
//# sourceMappingURL=diff-E2PDL3RI.mjs.map
