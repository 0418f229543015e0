import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '@dangjian/db';
import {
  ErrorBody, LeaderboardQuery, LeaderboardResponse, PointRuleRequest, PointRulesResponse, PointsAdjustmentRequest, PointsEntry,
  PointsGoods, PointsGoodsPatch, PointsGoodsRequest, PointsGoodsResponse, PointsIdParam, PointsMemberDetail, PointsMemberListQuery,
  PointsMemberListResponse, PointsMemberParam, PointsMineResponse, PointsOrder, PointsOrgQuery, PointsSettings, PointsSettingsRequest,
  PointsStatus, RedemptionCancelRequest, RedemptionListQuery, RedemptionListResponse, RedemptionRequest,
} from '@dangjian/contracts';
import type { Clock } from '../../lib/clock.ts';
import { sessionOf } from '../../http/session.ts';
import { createPointsService } from './points.service.ts';
import { createShopService } from './points-shop.service.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const tags = ['points'];
const rtags = ['redemptions'];
const xlsx = z.any().describe('Excel 文件（.xlsx）');

/** /api/v1/points (积分: settings, rules, balances, adjustments, leaderboard, goods) and /api/v1/redemptions (兑换订单). */
export const pointsRoutes: FastifyPluginAsyncZod<{ db: Kysely<DB>; clock: Clock }> = async (app, { db, clock }) => {
  const points = createPointsService({ db, clock });
  const shop = createShopService({ db, clock });
  const actor = (req: Parameters<typeof sessionOf>[0]) => sessionOf(req).actor;

  app.get('/points/status', { schema: { tags, summary: '本人所在地区是否启用积分（菜单显示用）', response: { 200: PointsStatus, ...errors } } },
    async (req) => points.status(actor(req)));
  app.get('/points/settings', { schema: { tags, summary: '积分启用设置（就近上级生效）', querystring: PointsOrgQuery, response: { 200: PointsSettings, ...errors } } },
    async (req) => points.settings(actor(req), req.query.orgId));
  app.put('/points/settings', { schema: { tags, summary: '启用或关闭积分、积分排行', body: PointsSettingsRequest, response: { 200: PointsSettings, ...errors } } },
    async (req) => points.setSettings(actor(req), req.body));
  app.get('/points/rules', { schema: { tags, summary: '现行积分规则（就近上级生效）', querystring: PointsOrgQuery, response: { 200: PointRulesResponse, ...errors } } },
    async (req) => points.rules(actor(req), req.query.orgId));
  app.put('/points/rules', { schema: { tags, summary: '设置本级积分规则（覆盖上级同编码规则）', body: PointRuleRequest, response: { 200: PointRulesResponse, ...errors } } },
    async (req) => points.setRule(actor(req), req.body));
  app.get('/points/mine', { schema: { tags, summary: '本人积分、明细和兑换记录', response: { 200: PointsMineResponse, ...errors } } },
    async (req) => points.mine(actor(req)));
  app.get('/points/members', { schema: { tags, summary: '党员积分余额（含下级组织，分页）', querystring: PointsMemberListQuery, response: { 200: PointsMemberListResponse, ...errors } } },
    async (req) => points.list(actor(req), req.query));
  app.get('/points/members/:memberId', { schema: { tags, summary: '党员积分明细', params: PointsMemberParam, response: { 200: PointsMemberDetail, ...errors } } },
    async (req) => points.detail(actor(req), req.params.memberId));
  app.post('/points/adjustments', { schema: { tags, summary: '手工调整积分（须填写原因）', body: PointsAdjustmentRequest, response: { 201: PointsEntry, ...errors } } },
    async (req, reply) => reply.status(201).send(await points.adjust(actor(req), req.body)));
  app.get('/points/leaderboard', { schema: { tags, summary: '积分榜（年度、季度、月度）', querystring: LeaderboardQuery, response: { 200: LeaderboardResponse, ...errors } } },
    async (req) => points.leaderboard(actor(req), req.query));

  app.get('/points/leaderboard/export', { schema: { tags, summary: '导出积分榜（Excel）', querystring: LeaderboardQuery, response: { 200: xlsx, ...errors } } },
    async (req, reply) => {
      const f = await points.leaderboardWorkbook(actor(req), req.query);
      return reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="points-leaderboard.xlsx"; filename*=UTF-8''${encodeURIComponent(f.fileName)}`).send(f.buffer);
    });

  app.get('/points/goods', { schema: { tags, summary: '兑换物品（管理）', querystring: PointsOrgQuery, response: { 200: PointsGoodsResponse, ...errors } } },
    async (req) => shop.goods(actor(req), req.query.orgId));
  app.post('/points/goods', { schema: { tags, summary: '新增兑换物品', body: PointsGoodsRequest, response: { 201: PointsGoods, ...errors } } },
    async (req, reply) => reply.status(201).send(await shop.addGoods(actor(req), req.body)));
  app.patch('/points/goods/:id', { schema: { tags, summary: '修改兑换物品（价格、库存、上下架）', params: PointsIdParam, body: PointsGoodsPatch, response: { 200: PointsGoods, ...errors } } },
    async (req) => shop.updateGoods(actor(req), req.params.id, req.body));
  app.get('/points/shop', { schema: { tags, summary: '本人可兑换的物品', response: { 200: PointsGoodsResponse, ...errors } } },
    async (req) => shop.shop(actor(req)));

  app.post('/redemptions', { schema: { tags: rtags, summary: '兑换物品（本人下单）', body: RedemptionRequest, response: { 201: PointsOrder, ...errors } } },
    async (req, reply) => reply.status(201).send(await shop.order(actor(req), req.body)));
  app.get('/redemptions', { schema: { tags: rtags, summary: '兑换订单（含下级组织，分页）', querystring: RedemptionListQuery, response: { 200: RedemptionListResponse, ...errors } } },
    async (req) => shop.orders(actor(req), req.query));
  app.post('/redemptions/:id/hand-over', { schema: { tags: rtags, summary: '登记物品已领取', params: PointsIdParam, response: { 200: PointsOrder, ...errors } } },
    async (req) => shop.handOver(actor(req), req.params.id));
  app.post('/redemptions/:id/cancel', { schema: { tags: rtags, summary: '取消兑换（退回积分和库存）', params: PointsIdParam, body: RedemptionCancelRequest, response: { 200: PointsOrder, ...errors } } },
    async (req) => shop.cancel(actor(req), req.params.id, req.body.reason));
};
