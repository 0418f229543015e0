import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** numeric columns come back as strings (exact decimals); numbers are accepted on write. */
type Numeric = ColumnType<string, number | string, number | string>;

export interface GridsTable {
  id: Generated<string>;
  org_id: string;
  grid_org_id: string | null;
  name: string;
  leader_name: string | null;
  leader_phone: string | null;
  /** Typed-in household count; null means "sum of the buildings". */
  households: number | null;
  remarks: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface GridBuildingsTable {
  id: Generated<string>;
  grid_id: string;
  name: string;
  units: Generated<number>;
  households: Generated<number>;
  remarks: string | null;
  created_at: Timestamp;
}

export interface ResidentsTable {
  id: Generated<string>;
  grid_id: string;
  building_id: string | null;
  name: string;
  phone: string | null;
  address: string | null;
  is_party_member: Generated<boolean>;
  remarks: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SitesTable {
  id: Generated<string>;
  org_id: string;
  name: string;
  kind: 'village_hq' | 'community_hq' | 'service_center' | 'other';
  address: string | null;
  lng: Numeric | null;
  lat: Numeric | null;
  building_area: Numeric | null;
  property_rights: 'owned' | 'leased' | 'shared' | 'other' | null;
  year_built: number | null;
  year_upgraded: number | null;
  investment: Numeric | null;
  facilities: Generated<string[]>;
  remarks: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SiteUpgradesTable {
  id: Generated<string>;
  site_id: string;
  year: number;
  content: string;
  investment: Numeric | null;
}

export interface SitePhotosTable {
  id: Generated<string>;
  site_id: string;
  mime: 'image/jpeg' | 'image/png' | 'image/webp';
  size: number;
  data: Buffer;
  created_at: Timestamp;
}

/** Table types added by this feature's migration; merged into DB in ../schema.ts. */
export interface GridsSitesTables {
  grids: GridsTable;
  grid_buildings: GridBuildingsTable;
  residents: ResidentsTable;
  sites: SitesTable;
  site_upgrades: SiteUpgradesTable;
  site_photos: SitePhotosTable;
}
