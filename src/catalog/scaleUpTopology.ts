/**
 * How the chips of one scale-up domain are wired, which decides the link bandwidth a collective among some of them
 * runs on (collectiveBandwidthBytesPerS, src/inference/communication.ts):
 *
 *   switch            every chip's links go to switches (NVSwitch in an HGX/DGX server or an NVL72 rack), so any
 *                     group of the domain's chips talks at each chip's whole scale-up bandwidth ("Each NVSwitch is a
 *                     fully non-blocking switch that fully connects all eight H100", NVIDIA, 'Introducing NVIDIA HGX
 *                     H100', 2022).
 *   full-mesh         each chip has one direct link to each of the other n − 1 (8 AMD MI300X or MI325X over 7 xGMI
 *                     links): a group of t of them owns t − 1 links per chip, (t − 1) ÷ (n − 1) of the bandwidth.
 *   torus             chips linked to their neighbours in a 2D or 3D torus (Google TPU ICI, AWS Trainium2
 *                     NeuronLink). A group's links depend on its shape in the torus; not modelled: treated as switch.
 *   hybrid-cube-mesh  NVIDIA DGX-1's 8 V100s: a cube of NVLinks with two faces' diagonals, some pairs with two links
 *                     and some with none; not modelled: treated as switch.
 *
 * The `scale_up_topology` column of data/hardware.csv gives each chip's.
 */
export const SCALE_UP_TOPOLOGIES = ["switch", "full-mesh", "torus", "hybrid-cube-mesh"] as const;
export type ScaleUpTopology = (typeof SCALE_UP_TOPOLOGIES)[number];

/**
 * The topology a row gets when its file has no `scale_up_topology` column (a project's data/hardware.csv written
 * before it) and no bundled row of its id gives one: switch, what every domain was modelled as before the column.
 */
export const TOPOLOGY_WITHOUT_COLUMN: ScaleUpTopology = "switch";
