/*
 * fflate, the inflater of the browser and of parts too large to inflate at once. zipDirectory
 * requires this module when it first needs it: Node inflates with zlib and most runs never load
 * fflate (15 ms of start-up). Through this module, not "fflate" itself, so that the bundle keeps
 * fflate's ES build and only these two.
 */
export { Inflate, inflateSync } from "fflate";
