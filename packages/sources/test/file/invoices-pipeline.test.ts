import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expr } from '@caudal/core';
import { fileSession, sharedData } from './support/file-fixtures.ts';

const INVOICES = sharedData('invoices');
const spark = fileSession();
afterAll(() => spark.stop());

/** What Spark's printSchema() shows for these files: fields sorted by name, whole numbers long, `.0` numbers double. */
const EXPECTED_TREE = `root
 |-- CESS: double (nullable = true)
 |-- CGST: double (nullable = true)
 |-- CashierID: string (nullable = true)
 |-- CreatedTime: long (nullable = true)
 |-- CustomerCardNo: string (nullable = true)
 |-- CustomerType: string (nullable = true)
 |-- DeliveryAddress: struct (nullable = true)
 |    |-- AddressLine: string (nullable = true)
 |    |-- City: string (nullable = true)
 |    |-- ContactNumber: string (nullable = true)
 |    |-- PinCode: string (nullable = true)
 |    |-- State: string (nullable = true)
 |-- DeliveryType: string (nullable = true)
 |-- InvoiceLineItems: array (nullable = true)
 |    |-- element: struct (containsNull = true)
 |    |    |-- ItemCode: string (nullable = true)
 |    |    |-- ItemDescription: string (nullable = true)
 |    |    |-- ItemPrice: double (nullable = true)
 |    |    |-- ItemQty: long (nullable = true)
 |    |    |-- TotalValue: double (nullable = true)
 |-- InvoiceNumber: string (nullable = true)
 |-- NumberOfItems: long (nullable = true)
 |-- PaymentMethod: string (nullable = true)
 |-- PosID: string (nullable = true)
 |-- SGST: double (nullable = true)
 |-- StoreID: string (nullable = true)
 |-- TaxableAmount: double (nullable = true)
 |-- TotalAmount: double (nullable = true)
`;

const COLUMNS = [
  'InvoiceNumber', 'CreatedTime', 'StoreID', 'PosID', 'CustomerType', 'PaymentMethod', 'DeliveryType',
  'City', 'State', 'PinCode', 'ItemCode', 'ItemDescription', 'ItemPrice', 'ItemQty', 'TotalValue',
];

interface Invoice {
  InvoiceNumber: string; CreatedTime: number; StoreID: string; PosID: string; CustomerType: string;
  PaymentMethod: string; DeliveryType: string;
  DeliveryAddress?: { City?: string; State?: string; PinCode?: string };
  InvoiceLineItems?: { ItemCode: string; ItemDescription: string; ItemPrice: number; ItemQty: number; TotalValue: number }[];
}

/** The flattened line items computed without the engine: JSON.parse per line, explode by hand. */
function expectedRows(): string[] {
  const rows: string[] = [];
  for (const name of readdirSync(INVOICES).sort()) {
    for (const line of readFileSync(join(INVOICES, name), 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      const inv = JSON.parse(line) as Invoice;
      for (const item of inv.InvoiceLineItems ?? []) {
        rows.push(JSON.stringify([
          inv.InvoiceNumber, inv.CreatedTime, inv.StoreID, inv.PosID, inv.CustomerType, inv.PaymentMethod, inv.DeliveryType,
          inv.DeliveryAddress?.City ?? null, inv.DeliveryAddress?.State ?? null, inv.DeliveryAddress?.PinCode ?? null,
          item.ItemCode, item.ItemDescription, item.ItemPrice, item.ItemQty, item.TotalValue,
        ]));
      }
    }
  }
  return rows.sort();
}

describe('the invoices pipeline (JSON with an inferred schema)', () => {
  it('infers the schema Spark prints for the invoices', () => {
    const invoices = spark.read.json(INVOICES);
    expect(invoices.schema.treeString()).toBe(EXPECTED_TREE);
  });

  it('flattens 3,990 line items equal to an independent computation', async () => {
    const invoices = spark.read.format('json').load(INVOICES);
    const exploded = invoices.selectExpr(
      'InvoiceNumber', 'CreatedTime', 'StoreID', 'PosID', 'CustomerType', 'PaymentMethod', 'DeliveryType',
      'DeliveryAddress.City', 'DeliveryAddress.State', 'DeliveryAddress.PinCode', 'explode(InvoiceLineItems) as LineItem',
    );
    const flattened = exploded
      .withColumn('ItemCode', expr('LineItem.ItemCode'))
      .withColumn('ItemDescription', expr('LineItem.ItemDescription'))
      .withColumn('ItemPrice', expr('LineItem.ItemPrice'))
      .withColumn('ItemQty', expr('LineItem.ItemQty'))
      .withColumn('TotalValue', expr('LineItem.TotalValue'))
      .drop('LineItem');
    expect(flattened.columns).toEqual(COLUMNS);
    expect(flattened.schema.simpleString()).toBe(
      'struct<InvoiceNumber:string,CreatedTime:bigint,StoreID:string,PosID:string,CustomerType:string,PaymentMethod:string,' +
      'DeliveryType:string,City:string,State:string,PinCode:string,ItemCode:string,ItemDescription:string,ItemPrice:double,' +
      'ItemQty:bigint,TotalValue:double>',
    );
    const rows = await flattened.collect();
    expect(rows).toHaveLength(3990);
    const actual = rows.map((r) => JSON.stringify(COLUMNS.map((c) => r[c]))).sort();
    expect(actual).toEqual(expectedRows());
  });

  it('reads 1,590 invoices', async () => {
    expect(await spark.read.json(INVOICES).count()).toBe(1590);
  });
});
