import{i as e,m as t,f as o,s,a,A as i,c as r,_ as d,n,r as p}from"./xiaomi-camera-share-card.js";class h extends e{constructor(){super(...arguments),this.localize=t("en"),this.format=o(void 0),this.open=!1}static{this.styles=[s,a`
      .body {
        display: flex;
        flex-direction: column;
        gap: var(--ha-space-4, 16px);
      }
    `]}renderFooter(){return i}async firstUpdated(){await this.updateComplete,this.open=!0}close(){this.open=!1}onClosed(e){e.target===e.currentTarget&&(e.stopPropagation(),this.open=!1,this.dispatchEvent(new Event("closed")))}render(){return r`<ha-dialog .open=${this.open} header-title=${this.heading()} @closed=${this.onClosed}>
      <div class="body">${this.renderBody()}</div>
      ${this.renderFooter()}
    </ha-dialog>`}}d([n({attribute:!1})],h.prototype,"localize",void 0),d([n({attribute:!1})],h.prototype,"format",void 0),d([p()],h.prototype,"open",void 0);export{h as M};
