/** Text files bundled as strings (webpack `asset/source`; under jest, test/text-file-transform.js). */
declare module "*.csv" {
  const text: string;
  export default text;
}
