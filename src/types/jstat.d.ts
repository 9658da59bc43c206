// The one part of jstat (https://github.com/jstat/jstat, no types of its own) that sipp uses: Student's t quantile.
declare module 'jstat' {
  interface JStat {
    studentt: {
      /** The quantile of Student's t with `dof` degrees of freedom: R's qt(p, dof). */
      inv(p: number, dof: number): number;
    };
  }
  const jStat: JStat;
  export default jStat;
}
